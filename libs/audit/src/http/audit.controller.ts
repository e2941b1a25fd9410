import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@app/auth/domain/permission';
import { RequirePermission } from '@app/auth/http/access.decorators';
import { AuditQueryService } from '../application/audit-query.service';
import { AuditQueryDto } from './dto/audit-query.dto';
import { AuditEventPageDto } from './dto/audit.responses';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditQueryService) {}

  @Get()
  @ApiOkResponse({ type: AuditEventPageDto })
  @ApiOperation({ summary: 'Search the audit trail by entity, actor, action and time (supervisors)' })
  @RequirePermission(Permission.AuditRead)
  search(@Query() query: AuditQueryDto) {
    return this.audit.search(query);
  }
}
