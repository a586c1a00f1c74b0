export * from './applicationMachine';
