import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DisclosureService } from './application/disclosure.service';
import { PublicController } from './http/public.controller';
import { PublicNoticeEntity } from './persistence/public-notice.entity';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([PublicNoticeEntity])],
  controllers: [PublicController],
  providers: [DisclosureService],
  exports: [DisclosureService],
})
export class DisclosureModule {}
