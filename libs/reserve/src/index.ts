export * from './application/parcel.service';
export * from './persistence/parcel.entity';
export * from './reserve.module';
