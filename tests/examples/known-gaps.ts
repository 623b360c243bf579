/**
 * Examples the real kernel (6.18) accepts but our verifier rejects today, with the message it
 * gives. Their runs are golden-tested with the load-time checks instead, and a test asserts the
 * verifier still fails this way: when it is fixed, that test fails and the entry must go.
 */
export const KNOWN_VERIFIER_GAPS: Readonly<Record<string, string>> = {};
