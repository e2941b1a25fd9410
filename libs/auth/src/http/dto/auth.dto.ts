import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ALL_ROLES } from '../../domain/role';

export class LoginDto {
  @ApiProperty({ example: 'trading' }) @IsString() @MinLength(1) @MaxLength(64)
  username: string;

  @ApiProperty({ example: 'correct horse battery staple' }) @IsString() @MinLength(1) @MaxLength(200)
  password: string;
}

export class RefreshDto {
  @ApiProperty({ example: 'p1Xr9yQ0oC6b3m2ZkN8sVwT4uE7aH5dJfLgRqYxIiKc', description: 'The refresh token of the last login or refresh (single use)' }) @IsString() @MinLength(20) @MaxLength(200)
  refreshToken: string;
}

export class ChangePasswordDto {
  @ApiProperty({ example: 'Old-password-2025' }) @IsString() @MinLength(1) @MaxLength(200)
  currentPassword: string;

  @ApiProperty({ minLength: 12, example: 'Reserve-2026-strong', description: 'The password rule: 12–200 characters, mixing at least two of: lowercase letters, uppercase letters, digits, symbols (WEAK_PASSWORD otherwise)' }) @IsString() @MaxLength(200)
  newPassword: string;
}

export class CreateUserDto {
  @ApiProperty({ example: 'wang.reserve' })
  @Matches(/^[a-z][a-z0-9_.-]{2,63}$/, { message: 'username must be 3–64 characters: lowercase letters, digits, "_", "." or "-", starting with a letter' })
  username: string;

  @ApiProperty({ example: '储备中心 王科长' }) @IsString() @MinLength(1) @MaxLength(100)
  displayName: string;

  @ApiProperty({ minLength: 12, example: 'Reserve-2026-strong', description: 'The password rule: 12–200 characters, mixing at least two of: lowercase letters, uppercase letters, digits, symbols (WEAK_PASSWORD otherwise)' }) @IsString() @MaxLength(200)
  password: string;

  @ApiProperty({ enum: ALL_ROLES, isArray: true, example: ['reserve_officer'] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(7) @IsIn(ALL_ROLES, { each: true, message: `each value in roles must be one of: ${ALL_ROLES.join(', ')}` })
  roles: string[];

  @ApiPropertyOptional({ example: '新任储备科科长', description: 'Why the account is created; kept in the audit trail' }) @IsOptional() @IsString() @MaxLength(500)
  reason?: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(100)
  displayName?: string;

  @ApiPropertyOptional({ enum: ALL_ROLES, isArray: true })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(7) @IsIn(ALL_ROLES, { each: true, message: `each value in roles must be one of: ${ALL_ROLES.join(', ')}` })
  roles?: string[];

  @ApiPropertyOptional() @IsOptional() @IsBoolean()
  active?: boolean;

  @ApiProperty({ example: '岗位调整', description: 'Why the account changes; kept in the audit trail' }) @IsString() @MinLength(2) @MaxLength(500)
  reason: string;
}
