import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AUTH_OPTIONS, type AuthOptions } from './application/auth-options';
import { AuthService } from './application/auth.service';
import { LoginThrottle } from './application/login-throttle';
import { SessionRevocations } from './application/session-revocations';
import { PasswordHasher } from './application/password-hasher';
import { TokenService } from './application/token.service';
import { UsersService } from './application/users.service';
import { AuthSessionEntity } from './persistence/auth-session.entity';
import { LoginFailureEntity } from './persistence/login-failure.entity';
import { RefreshTokenEntity } from './persistence/refresh-token.entity';
import { UserEntity } from './persistence/user.entity';
import { AccessGuard } from './http/access.guard';
import { AuthController } from './http/auth.controller';
import { UsersController } from './http/users.controller';

@Module({})
export class AuthModule {
  static forRoot(options: AuthOptions): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      imports: [
        TypeOrmModule.forFeature([UserEntity, AuthSessionEntity, RefreshTokenEntity, LoginFailureEntity]),
        JwtModule.register({ secret: options.jwtSecret, signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } }),
      ],
      controllers: [AuthController, UsersController],
      providers: [
        { provide: AUTH_OPTIONS, useValue: options },
        PasswordHasher,
        TokenService,
        LoginThrottle,
        SessionRevocations,
        AuthService,
        UsersService,
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
      exports: [TokenService, AuthService, UsersService, PasswordHasher, SessionRevocations],
    };
  }
}
