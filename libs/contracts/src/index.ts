export * from './auction';
