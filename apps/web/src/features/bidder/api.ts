import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, unwrapBlob } from '@web/api/client';
import type { components } from '@web/api/schema';
import { sampleHttpClock } from '@web/lib/http-clock';
import { saveBlob } from '@web/lib/save-blob';

export type OwnApplication = components['schemas']['OwnApplicationResponse'];
export type ApplicationStatus = OwnApplication['status'];
export type Invitation = components['schemas']['InvitationResponse'];
export type RegisterInput = components['schemas']['RegisterBidderDto'];
export type Partner = components['schemas']['PartnerDto'];

/** States after which nothing changes by itself any more: the live views stop polling there. */
const SETTLED: readonly ApplicationStatus[] = ['qualified', 'rejected', 'withdrawn', 'disqualified'];

function isSettled(status: ApplicationStatus): boolean {
  return SETTLED.includes(status);
}

const keys = {
  me: ['bidder', 'me'] as const,
  applications: ['bidder', 'applications'] as const,
  application: (id: string) => ['bidder', 'applications', id] as const,
  invitations: ['bidder', 'invitations'] as const,
};

export function useMyBidder() {
  return useQuery({ queryKey: keys.me, queryFn: () => unwrap(api.GET('/api/bidders/me')) });
}

export function useRegister() {
  return useMutation({ mutationFn: (body: RegisterInput) => unwrap(api.POST('/api/bidders', { body })) });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => unwrap(api.POST('/api/auth/password', { body })).then(() => undefined),
  });
}

export function useMyApplications() {
  return useQuery({ queryKey: keys.applications, queryFn: () => unwrap(api.GET('/api/applications/mine')) });
}

/**
 * One of my applications. With `live`, it is fetched again every few seconds until it settles
 * (qualified, rejected…): the deposit page turns to "paid" when the bank's notice arrives, without a
 * reload. Each answer's Date header also sets the server clock the deadline countdown runs on.
 */
export function useApplication(id: string, { live = false }: { live?: boolean } = {}) {
  return useQuery({
    queryKey: keys.application(id),
    refetchInterval: (query) => (live && query.state.data && !isSettled(query.state.data.status) ? 3_000 : false),
    queryFn: async () => {
      const sentAt = Date.now();
      const data = await unwrap(
        api.GET('/api/applications/{id}', { params: { path: { id } } }).then((result) => {
          sampleHttpClock(result.response, sentAt);
          return result;
        }),
      );
      // A bidder always gets its own view; the staff view (with identities) is for the console.
      if (!('isLead' in data)) throw new Error('not a member of this application');
      return data;
    },
  });
}

function useApplicationMutation<V>(call: (vars: V) => Promise<OwnApplication>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (app) => {
      client.setQueryData(keys.application(app.id), app);
      void client.invalidateQueries({ queryKey: keys.applications, exact: true });
    },
  });
}

export function useApply(lotId: string) {
  return useApplicationMutation((partners: Partner[] | undefined) => unwrap(api.POST('/api/lots/{id}/applications', { params: { path: { id: lotId } }, body: { partners } })));
}

export function useSubmitApplication(id: string) {
  return useApplicationMutation(() => unwrap(api.POST('/api/applications/{id}/submit', { params: { path: { id } } })));
}

export function useWithdrawApplication(id: string) {
  return useApplicationMutation((reason: string | undefined) => unwrap(api.POST('/api/applications/{id}/withdrawal', { params: { path: { id } }, body: { reason } })));
}

export function useUploadDocument(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { title: string; fileName: string; contentBase64: string }) => unwrap(api.POST('/api/applications/{id}/documents', { params: { path: { id } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.application(id) }),
  });
}

export function useConfirmation(id: string) {
  return useQuery({ queryKey: ['bidder', 'confirmation', id], queryFn: () => unwrap(api.GET('/api/applications/{id}/confirmation', { params: { path: { id } } })) });
}

export function useMyInvitations() {
  return useQuery({ queryKey: keys.invitations, queryFn: () => unwrap(api.GET('/api/invitations/mine')) });
}

export function useAnswerInvitation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ applicationId, accept, reason }: { applicationId: string; accept: boolean; reason?: string }) => {
      const path = { path: { id: applicationId } };
      if (accept) await unwrap(api.POST('/api/applications/{id}/acceptance', { params: path }));
      else await unwrap(api.POST('/api/applications/{id}/decline', { params: path, body: { reason } }));
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: keys.invitations });
      void client.invalidateQueries({ queryKey: keys.applications, exact: true });
    },
  });
}

export function usePublicLot(lotId: string) {
  return useQuery({
    queryKey: ['public', 'lot', lotId],
    queryFn: () => unwrap(api.GET('/api/public/lots/{id}', { params: { path: { id: lotId } } })),
  });
}

/** Lots taking applications, then those published and about to (the page shows each one's window). */
export function useLotsOpenForApplication() {
  return useQuery({
    queryKey: ['public', 'lots-applying'],
    queryFn: async () => {
      const phases = ['applying', 'published'] as const;
      const pages = await Promise.all(phases.map((phase) => unwrap(api.GET('/api/public/lots', { params: { query: { phase, page: 1, pageSize: 100 } } }))));
      return pages.flatMap((p) => p.items);
    },
  });
}

/** A document of one of my applications, fetched with the session (the route needs the bearer token). */
export async function downloadDocument(applicationId: string, documentId: string, fileName: string): Promise<void> {
  const blob = await unwrapBlob(api.GET('/api/applications/{id}/documents/{documentId}', { params: { path: { id: applicationId, documentId } }, parseAs: 'blob' }));
  saveBlob(blob, fileName);
}

export function useMySettlements() {
  return useQuery({ queryKey: ['bidder', 'settlements'], queryFn: () => unwrap(api.GET('/api/settlements/mine')) });
}

export function useMyContracts() {
  return useQuery({ queryKey: ['bidder', 'contracts'], queryFn: () => unwrap(api.GET('/api/contracts/mine')) });
}

export function useMyRefunds() {
  return useQuery({ queryKey: ['bidder', 'refunds'], queryFn: () => unwrap(api.GET('/api/refunds/mine')) });
}

/** The 成交确认书 of a lot I won. */
export function useSaleConfirmation(lotId: string) {
  return useQuery({ queryKey: ['bidder', 'sale-confirmation', lotId], queryFn: () => unwrap(api.GET('/api/lots/{id}/confirmation', { params: { path: { id: lotId } } })) });
}

export function useSignSaleConfirmation(lotId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/lots/{id}/confirmation/signature', { params: { path: { id: lotId } } })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['bidder', 'sale-confirmation', lotId] });
      void client.invalidateQueries({ queryKey: ['bidder', 'settlements'] });
    },
  });
}

/** The confirmation's PDF (the document whose SHA-256 is on record), fetched with the session. */
export async function downloadSaleConfirmation(lotId: string, fileName: string): Promise<void> {
  const blob = await unwrapBlob(api.GET('/api/lots/{id}/confirmation/pdf', { params: { path: { id: lotId } }, parseAs: 'blob' }));
  saveBlob(blob, fileName);
}
