// What the people tests read: findPeople on a text, shown as name(role、role) per hit.
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { ROOT } from './lsp.mjs';

const require = createRequire(import.meta.url);
export const { findPeople } = require(resolve(ROOT, 'server/out/analysis/people.js'));

/** name(roles) of each hit, in text order; roles left out when there are none. */
export const show = (text, user) => findPeople(text, user).map((h) => `${h.name}${h.roles.length ? `(${h.roles.join('、')})` : ''}`);
/** The distinct names found. */
export const names = (text) => [...new Set(findPeople(text).map((h) => h.name))];
/** Where each mention of `name` starts. */
export const mentions = (text, name) => findPeople(text).filter((h) => h.name === name).map((h) => h.start);
