/**
 * The cast of the synthetic news world: invented countries with governments and capitals,
 * outlets, wire services and people. Everything is invented (no real agency or person is made
 * to say anything), but shaped like the real thing: a capital stands for its government,
 * people are cited by surname, a few wires feed many outlets.
 *
 * Names are unique by construction across every actor and source: the ingester merges actors
 * of one kind by name or alias, so two invented people sharing a surname would legitimately be
 * merged into one node, which would make the ingester's graph differ from the baseline's.
 */
import { slugify } from '../../src/domain/keys.js';
import type { Random } from './random.js';

export interface Country {
  name: string; // "Valdoria"
  adjective: string; // "Valdorian"
  capital: string; // "Ostrava"
  /** Actor id (local to every document that mentions it) of the government. */
  governmentId: string;
  governmentName: string; // "Government of Valdoria"
}

export interface Person {
  id: string;
  given: string;
  surname: string;
  fullName: string;
  title: string;
  country: Country;
}

export interface Outlet {
  id: string;
  name: string;
  alias: string;
}

export interface World {
  countries: Country[];
  outlets: Outlet[];
  wires: Outlet[];
  people: Person[];
}

const ONSETS = [
  'b',
  'd',
  'f',
  'g',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'z',
  'br',
  'dr',
  'kr',
  'st',
  'tr',
  'sh',
  'h',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ei', 'ou'];
const CODAS = ['', '', 'n', 'r', 's', 'l', 'k', 'm', 'nd', 'rt'];
const COUNTRY_ENDINGS = ['ia', 'ania', 'istan', 'land', 'ora', 'esh'];
const GIVEN = [
  'Omar',
  'Lina',
  'Jan',
  'Marta',
  'Yusuf',
  'Elena',
  'Tomas',
  'Aylin',
  'Karim',
  'Sofia',
  'Pavel',
  'Nadia',
  'Idris',
  'Mira',
  'Viktor',
  'Leila',
  'Anton',
  'Samira',
  'Dario',
  'Hana',
  'Farid',
  'Ines',
];
const TITLES = [
  'Foreign Minister of',
  'Defence Minister of',
  'President of',
  'Prime Minister of',
  'spokesperson for the Government of',
  'ambassador of',
  'opposition leader in',
  'central bank governor of',
];
const OUTLET_PLACES = [
  'Harbor',
  'Northern',
  'Capital',
  'Evening',
  'Continental',
  'Daily',
  'Coastal',
  'Valley',
  'Morning',
  'Metro',
];
const OUTLET_NOUNS = [
  'Times',
  'Herald',
  'Observer',
  'Courier',
  'Gazette',
  'Ledger',
  'Chronicle',
  'Tribune',
  'Post',
  'Monitor',
];
/** Invented agencies shaped like Reuters, AP and AFP: the few wires nearly everyone re-reports. */
const WIRES: readonly [string, string][] = [
  ['Meridian Press Agency', 'MPA'],
  ['Continental News Agency', 'CNA'],
  ['Agence Atlantique', 'AgAtl'],
  ['United Wire Service', 'UWS'],
];

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function buildWorld(random: Random, options: { people: number; countries?: number }): World {
  const used = new Set<string>();
  const unique = (make: () => string): string => {
    for (let attempt = 0; ; attempt++) {
      // After a few collisions, lengthen the name: the name space grows and we always terminate.
      const name = attempt < 8 ? make() : make() + make().toLowerCase();
      if (!used.has(slugify(name))) {
        used.add(slugify(name));
        return name;
      }
    }
  };
  const syllable = () => random.pick(ONSETS) + random.pick(VOWELS) + random.pick(CODAS);
  const word = (syllables: number) => capitalise(Array.from({ length: syllables }, syllable).join(''));

  const countries: Country[] = [];
  for (let i = 0; i < (options.countries ?? 24); i++) {
    const root = word(2);
    const name = unique(() => root.replace(/[aeiou]+$/, '') + random.pick(COUNTRY_ENDINGS));
    const capital = unique(() => word(random.int(2, 3)));
    const governmentName = unique(() => `Government of ${name}`);
    countries.push({
      name,
      adjective: name.replace(/(ia|a|land|istan|esh)$/, '') + 'ian',
      capital,
      governmentId: `gov-${slugify(name)}`,
      governmentName,
    });
  }

  const outlets: Outlet[] = [];
  for (const place of OUTLET_PLACES) {
    for (const noun of OUTLET_NOUNS.slice(0, 4)) {
      const name = unique(() => `The ${place} ${noun}`);
      outlets.push({ id: `outlet-${slugify(name)}`, name, alias: `${place} ${noun}` });
    }
  }
  const wires = WIRES.map(([name, alias]) => {
    used.add(slugify(name));
    return { id: `wire-${slugify(name)}`, name, alias };
  });

  const people: Person[] = [];
  for (let i = 0; i < options.people; i++) {
    const surname = unique(() => word(random.int(2, 3)));
    const given = random.pick(GIVEN);
    const fullName = unique(() => `${given} ${surname}`);
    const country = random.pick(countries);
    people.push({
      id: `person-${slugify(fullName)}`,
      given,
      surname,
      fullName,
      title: `${random.pick(TITLES)} ${country.name}`,
      country,
    });
  }
  return { countries, outlets, wires, people };
}
