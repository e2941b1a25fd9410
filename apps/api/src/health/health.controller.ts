import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import { Public } from '@app/auth/http/access.decorators';

export class HealthReport {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status: 'ok' | 'degraded';
  @ApiProperty({ enum: ['up', 'down'] }) database: 'up' | 'down';
  /** The server clock (database time) that rules every deadline; clients compute their offset from it. */
  @ApiProperty({ format: 'date-time', description: 'the database clock (this instance’s own clock when the database is down)' }) serverTime: string;
  @ApiProperty({ type: 'integer' }) uptimeSeconds: number;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @Public()
  @ApiOkResponse({ type: HealthReport })
  @ApiServiceUnavailableResponse({ type: HealthReport, description: 'the database is down' })
  @ApiOperation({ summary: 'Liveness and database status; 503 when the database is down' })
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthReport> {
    let database: HealthReport['database'] = 'down';
    let serverTime = new Date();
    try {
      const rows: Array<{ now: Date }> = await Promise.race([
        this.dataSource.query('SELECT clock_timestamp() AS now'),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 3000).unref()),
      ]);
      database = 'up';
      serverTime = rows[0]!.now;
    } catch {
      database = 'down';
    }
    if (database === 'down') res.status(HttpStatus.SERVICE_UNAVAILABLE);
    return { status: database === 'up' ? 'ok' : 'degraded', database, serverTime: serverTime.toISOString(), uptimeSeconds: Math.round(process.uptime()) };
  }
}
