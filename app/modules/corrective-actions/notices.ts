/** Where a corrective-action notice (and its mail digest) points: the action's page. */
export const link = (actionId: number) => `/corrective-actions/${actionId}`;
