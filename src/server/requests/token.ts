/**
 * Status links carry the request id and an HMAC of it under a secret kept in script properties:
 * only the server can make one, so a visitor cannot walk the repairs sheet by changing the id, and
 * deleting the property makes every old link invalid (README, "If a link leaks").
 */
const SECRET_KEY = 'houqin.requestSecret';

function secret(): string {
  const props = PropertiesService.getScriptProperties();
  const existing = props.getProperty(SECRET_KEY);
  if (existing) return existing;
  // Two first visitors at once must agree on one secret.
  const lock = LockService.getScriptLock();
  lock.waitLock(10_000);
  try {
    const again = props.getProperty(SECRET_KEY);
    if (again) return again;
    const made = Utilities.getUuid() + Utilities.getUuid();
    props.setProperty(SECRET_KEY, made);
    return made;
  } finally {
    lock.releaseLock();
  }
}

/** 22 characters of base64url: 132 bits, more than anyone can guess. */
function sign(id: string, key: string): string {
  return Utilities.base64EncodeWebSafe(Utilities.computeHmacSha256Signature(id, key)).slice(0, 22);
}

/** Makes status links for this execution: the secret is read once, however many links. */
export function statusLinker(base: string | null): (id: string) => string {
  if (!base) return () => '';
  let key: string | null = null;
  return (id) => {
    key ??= secret();
    return `${base}?r=${encodeURIComponent(id)}&t=${sign(id, key)}`;
  };
}

/** Whether `token` is the one the server made for `id`; compared in constant time. */
export function validToken(id: string, token: string): boolean {
  const key = PropertiesService.getScriptProperties().getProperty(SECRET_KEY);
  if (!key || !id || typeof token !== 'string' || token.length !== 22) return false;
  const expected = sign(id, key);
  let diff = 0;
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ token.charCodeAt(i);
  return diff === 0;
}

/** The deployed web app's address, or null while nobody has deployed it. */
export function webAppUrl(): string | null {
  try {
    return ScriptApp.getService().getUrl() || null;
  } catch {
    return null;
  }
}
