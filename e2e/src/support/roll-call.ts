// A village with N beneficiary households for the MA roll call, seeded the way an administrator
// loads them: through the server's admin reference API (PUT /api/admin/villages/:id, then
// PUT /api/admin/households/:id). Shared by the roll-call e2e test and the app bench (§3).

/** The admin API's shapes (@jigi/domain's villageSchema and beneficiaryHouseholdSchema). */
export interface Village {
  id: string;
  name: string;
  communeCode: string;
  demo: boolean;
  pnp: boolean;
}
export interface BeneficiaryHousehold {
  id: string;
  villageId: string;
  householdCode: string;
  headName: string;
  titulaireName: string;
  members: { memberNo: number; name: string; sex: 'F' | 'M'; ageYears: number }[];
}

export const ROLL_CALL_VILLAGE: Village = {
  id: 'village-koro-roll-call',
  name: 'Kiri (démo)',
  communeCode: 'mopti.koro.dioungani',
  demo: true,
  pnp: false,
};

const women = ['Awa', 'Fatoumata', 'Hawa', 'Mariam', 'Aïssata', 'Kadiatou', 'Oumou', 'Nana'];
const men = ['Amadou', 'Boubacar', 'Seydou', 'Moussa', 'Oumar', 'Hamidou', 'Ibrahim'];
const families = ['Guindo', 'Dolo', 'Kassogué', 'Togo', 'Ongoïba', 'Tembély', 'Saye', 'Poudiougo'];

/**
 * `count` households, deterministic: household i has a head (n°1), the titulaire (n°2, the name the
 * roll call shows) and a grown son (n°3), so « qui est venu » can be changed to someone else.
 */
export function rollCallHouseholds(count: number): BeneficiaryHousehold[] {
  return Array.from({ length: count }, (_, i): BeneficiaryHousehold => {
    const n = i + 1;
    const family = families[i % families.length] ?? 'Guindo';
    const head = `${men[i % men.length] ?? 'Amadou'} ${family}`;
    // A woman keeps her own family name: the titulaire's is another household's.
    const titulaire = `${women[(i * 3) % women.length] ?? 'Awa'} ${families[(i + 3) % families.length] ?? 'Dolo'}`;
    return {
      id: `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`,
      villageId: ROLL_CALL_VILLAGE.id,
      householdCode: `KOR-KIR-${String(n).padStart(4, '0')}`,
      headName: head,
      titulaireName: titulaire,
      members: [
        { memberNo: 1, name: head, sex: 'M', ageYears: 40 + (i % 25) },
        { memberNo: 2, name: titulaire, sex: 'F', ageYears: 30 + (i % 20) },
        {
          memberNo: 3,
          name: `${men[(i + 2) % men.length] ?? 'Moussa'} ${family}`,
          sex: 'M',
          ageYears: 19,
        },
      ],
    };
  });
}

async function adminCookie(url: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'admin', password: 'demo1234' }),
  });
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (!res.ok || cookie === undefined)
    throw new Error(`admin login answered ${String(res.status)}`);
  return cookie;
}

async function send(
  method: 'PUT' | 'PATCH',
  url: string,
  cookie: string,
  path: string,
  body: unknown,
): Promise<void> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(body),
  });
  if (!res.ok)
    throw new Error(`${method} ${path} answered ${String(res.status)}: ${await res.text()}`);
}

/** The account `login` as the admin API lists it. */
async function account(
  url: string,
  cookie: string,
  login: string,
): Promise<{ id: string; zones: string[] }> {
  const res = await fetch(`${url}/api/admin/users?q=${encodeURIComponent(login)}`, {
    headers: { cookie },
  });
  const found: { id: string; zones: string[] }[] = [];
  JSON.parse(await res.text(), (_key, value: unknown) => {
    const v = value as { login?: unknown; id?: unknown; zones?: unknown } | null;
    if (typeof v === 'object' && v !== null && v.login === login && Array.isArray(v.zones))
      found.push({
        id: String(v.id),
        // Listed as { code, label }; written back as codes.
        zones: (v.zones as ({ code: string } | string)[]).map((z) =>
          typeof z === 'string' ? z : z.code,
        ),
      });
    return value;
  });
  const user = found[0];
  if (!user) throw new Error(`no account ${login} in /api/admin/users (${String(res.status)})`);
  return user;
}

/**
 * Creates the roll-call village and its `count` households on the server, and adds the village to
 * the zones of the facilitator `login` (a facilitator's zones are villages); returns the households.
 */
export async function seedRollCallVillage(
  url: string,
  count: number,
  login = 'anim.koro',
): Promise<BeneficiaryHousehold[]> {
  const cookie = await adminCookie(url);
  await send('PUT', url, cookie, `/api/admin/villages/${ROLL_CALL_VILLAGE.id}`, ROLL_CALL_VILLAGE);
  const households = rollCallHouseholds(count);
  // Ten at a time: as an admin's browser would, without queueing 150 writes at once.
  for (let i = 0; i < households.length; i += 10)
    await Promise.all(
      households
        .slice(i, i + 10)
        .map((h) => send('PUT', url, cookie, `/api/admin/households/${h.id}`, h)),
    );
  const facilitator = await account(url, cookie, login);
  if (!facilitator.zones.includes(ROLL_CALL_VILLAGE.id))
    await send('PATCH', url, cookie, `/api/admin/users/${facilitator.id}`, {
      zones: [...facilitator.zones, ROLL_CALL_VILLAGE.id],
    });
  return households;
}
