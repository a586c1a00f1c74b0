/** Which of the registers a call went to; carried by every register error. */
export type RegisterName = 'population' | 'land' | 'ownership' | 'companies' | 'staff';

const registerLabel: Record<RegisterName, string> = {
  population: 'population register',
  land: 'land register',
  ownership: 'ownership lookup',
  companies: 'company register',
  staff: 'staff directory',
};

export type UnavailableReason = 'timeout' | 'network' | 'serverError';

/**
 * The register did not answer usefully: no connection, no answer within the time limit, or 5xx after the
 * retries. Worth trying again later ("Försök igen"). Messages never carry the URL or the personnummer asked for.
 */
export class RegisterUnavailableError extends Error {
  override readonly name = 'RegisterUnavailableError';
  constructor(
    readonly register: RegisterName,
    readonly reason: UnavailableReason,
    options: { cause?: unknown; status?: number } = {},
  ) {
    const detail =
      reason === 'timeout'
        ? 'no answer in time'
        : reason === 'network'
          ? 'could not connect'
          : `HTTP ${options.status ?? 500}`;
    super(`The ${registerLabel[register]} is unavailable (${detail})`, { cause: options.cause });
    this.status = options.status ?? null;
  }
  readonly status: number | null;
}

/**
 * The register answered, but not as the API promises: unparseable or wrongly shaped body, an unexpected status
 * (4xx other than a record-level 404), or a 404 for the endpoint itself (wrong base URL). Retrying will not help.
 */
export class RegisterAnswerError extends Error {
  override readonly name = 'RegisterAnswerError';
  constructor(
    readonly register: RegisterName,
    readonly details: string,
    readonly status: number | null = null,
  ) {
    super(`Unexpected answer from the ${registerLabel[register]}: ${details}`);
  }
}
