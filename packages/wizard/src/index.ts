export * from './applicationMachine';
export * from './measureCheckMachine';
