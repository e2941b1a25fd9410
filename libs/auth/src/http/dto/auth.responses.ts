import { ApiProperty } from '@nestjs/swagger';
import type { TokenPair } from '../../application/token.service';
import type { UserView } from '../../application/users.service';
import { ALL_ROLES } from '../../domain/role';

// Responses of the auth and users routes, for the OpenAPI document the web client is generated from.

/** What a login or a refresh returns (TokenService.issue). */
export class TokenPairDto implements TokenPair {
  @ApiProperty({ description: 'JWT access token, sent as `Authorization: Bearer …`' }) accessToken: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType: 'Bearer';
  @ApiProperty({ type: 'integer', example: 900, description: 'seconds the access token lives' }) expiresIn: number;
  @ApiProperty({ description: 'single-use refresh token' }) refreshToken: string;
  @ApiProperty({ type: 'integer', example: 604800, description: 'seconds the refresh token lives' }) refreshExpiresIn: number;
}

/** An account (toUserView). */
export class UserViewDto implements UserView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'wang.reserve' }) username: string;
  @ApiProperty({ example: '王储备' }) displayName: string;
  @ApiProperty({ enum: ALL_ROLES, isArray: true }) roles: string[];
  @ApiProperty() active: boolean;
  @ApiProperty({ format: 'date-time', type: String }) createdAt: Date;
}

export class UserPageDto {
  @ApiProperty({ type: [UserViewDto] }) items: UserViewDto[];
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiProperty({ type: 'integer' }) page: number;
  @ApiProperty({ type: 'integer' }) pageSize: number;
}
