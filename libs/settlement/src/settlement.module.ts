import { Module, type DynamicModule } from '@nestjs/common';
import { SETTLEMENT_OPTIONS, type SettlementOptions } from './application/settlement-options';
import { SettlementSettingsProvider } from './application/settlement-settings.provider';
import { SettlementService } from './application/settlement.service';
import { SettlementController } from './http/settlement.controller';
import { VerificationPageController } from './http/verification-page.controller';

/** After the hammer: confirmations, contracts, payments, penalties, refunds, defaults, result publication. */
@Module({})
export class SettlementModule {
  static forRoot(options: SettlementOptions & { qualification: DynamicModule }): DynamicModule {
    const { qualification, ...rest } = options;
    return {
      module: SettlementModule,
      imports: [qualification],
      controllers: [SettlementController, VerificationPageController],
      providers: [{ provide: SETTLEMENT_OPTIONS, useValue: rest }, SettlementSettingsProvider, SettlementService],
      exports: [SettlementService],
    };
  }
}
