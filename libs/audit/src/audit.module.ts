import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditQueryService } from './application/audit-query.service';
import { AuditService } from './application/audit.service';
import { AuditEventEntity } from './persistence/audit-event.entity';
import { AuditController } from './http/audit.controller';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditEventEntity])],
  controllers: [AuditController],
  providers: [AuditService, AuditQueryService],
  exports: [AuditService],
})
export class AuditModule {}
