import { Module } from '@nestjs/common';
import { MoneyController } from './http/money.controller';

@Module({ controllers: [MoneyController] })
export class MoneyModule {}
