import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PracticeCleanup } from './application/practice-cleanup.service';
import { PRACTICE_OPTIONS, type PracticeOptions } from './application/practice-options';
import { PracticeService } from './application/practice.service';
import { PracticeController } from './http/practice.controller';
import { PracticeLotEntity } from './persistence/practice-lot.entity';

/**
 * Practice lots (模拟竞价): rehearsals on a per-lot clock with simulated opponents. Built on listing
 * (the lot), qualification (the seats) and bidding (trading and the simulated bidders), through their
 * module exports; owns only who started which practice lot, and their cleanup.
 */
@Module({})
export class PracticeModule {
  static forRoot(options: PracticeOptions & { listing: DynamicModule; qualification: DynamicModule; bidding: DynamicModule }): DynamicModule {
    const { listing, qualification, bidding, ...rest } = options;
    return {
      module: PracticeModule,
      imports: [listing, qualification, bidding, TypeOrmModule.forFeature([PracticeLotEntity])],
      controllers: [PracticeController],
      providers: [{ provide: PRACTICE_OPTIONS, useValue: rest }, PracticeService, PracticeCleanup],
      exports: [PracticeService, PracticeCleanup],
    };
  }
}
