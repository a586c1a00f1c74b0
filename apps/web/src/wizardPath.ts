/** The wizard's address: one page across its steps' addresses (/ansokan/karta …), which the wizard decides. */
export const WIZARD_PATH = '/ansokan';

/** Whether `path` is the wizard's: /ansokan or an address under it (the server's page preloads match the same). */
export const isWizardPath = (path: string): boolean => path === WIZARD_PATH || path.startsWith(`${WIZARD_PATH}/`);
