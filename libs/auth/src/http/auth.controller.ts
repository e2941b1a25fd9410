import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/common';
import { AuthService } from '../application/auth.service';
import { UsersService } from '../application/users.service';
import { Authenticated, CurrentActor, Public } from './access.decorators';
import { ChangePasswordDto, LoginDto, RefreshDto } from './dto/auth.dto';
import { TokenPairDto, UserViewDto } from './dto/auth.responses';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @ApiOkResponse({ type: TokenPairDto })
  @ApiOperation({ summary: 'Log in; returns a short-lived access token and a refresh token' })
  login(@Body() dto: LoginDto, @Ip() ip: string) {
    return this.auth.login(dto.username, dto.password, ip);
  }

  @Post('refresh')
  @HttpCode(200)
  @Public()
  @ApiOkResponse({ type: TokenPairDto })
  @ApiOperation({ summary: 'Exchange a refresh token (single use) for a new token pair' })
  refresh(@Body() dto: RefreshDto) {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @Public()
  @ApiNoContentResponse({ description: 'the session has ended' })
  @ApiOperation({ summary: 'End the session of a refresh token: its refresh and access tokens stop working and its sockets are closed' })
  async logout(@Body() dto: RefreshDto): Promise<void> {
    await this.auth.logout(dto.refreshToken);
  }

  @Get('me')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOkResponse({ type: UserViewDto })
  @ApiOperation({ summary: 'The signed-in account' })
  me(@CurrentActor() actor: Actor) {
    return this.users.get(actor.id);
  }

  @Post('password')
  @HttpCode(204)
  @Authenticated()
  @ApiBearerAuth()
  @ApiNoContentResponse({ description: 'changed; every session of the account has ended' })
  @ApiOperation({ summary: 'Change one’s own password; every session of the account ends (log in again)' })
  async changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto): Promise<void> {
    await this.auth.changePassword(actor, dto.currentPassword, dto.newPassword);
  }
}
