import { GET, POST } from '../../api/http';

const theCase = (id: string) => ({ params: { path: { id } } });

/** The applicant's after-permit calls (issue #21), typed by the generated paths. */
export const afterPermitApi = {
  mine: (id: string) => GET('/api/me/cases/{id}/after-permit', theCase(id)),
  book: (id: string, body: { version: number; slotId: string }) =>
    POST('/api/me/cases/{id}/after-permit/consultation/booking', { ...theCase(id), body }),
};
