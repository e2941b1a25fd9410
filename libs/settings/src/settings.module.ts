import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SettingsService } from './application/settings.service';
import { SettingsController } from './http/settings.controller';
import { PlatformSettingEntity } from './persistence/platform-setting.entity';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([PlatformSettingEntity])],
  controllers: [SettingsController],
  providers: [SettingsService],
  exports: [SettingsService],
})
export class SettingsModule {}
