import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AddressInput } from '../../shared/address.js';
import { geocode, type ZipPlace } from './geocoder.js';

/** The geocoder's rules, one by one, on a ZIP table of three places. */
const ZIPS: Record<string, ZipPlace> = {
  '27606': { city: 'Raleigh', state: 'NC' },
  '20500': { city: 'Washington', state: 'DC' },
  '93013': { city: 'Carpinteria', state: 'CA' },
};
const lookup = (zip: string) => Promise.resolve(ZIPS[zip]);

const STANDARD: AddressInput = {
  houseNumber: '901',
  streetName: 'MAIN CAMPUS',
  streetSuffix: 'DR',
  city: 'RALEIGH',
  stateCode: 'NC',
  zip: '27606',
};

async function corrected(input: AddressInput) {
  const r = await geocode(input, lookup);
  assert.ok(r.ok, 'expected the address to be accepted');
  return r;
}

async function refused(input: AddressInput): Promise<[number, string]> {
  const r = await geocode(input, lookup);
  assert.ok(!r.ok, 'expected the address to be refused');
  return [r.error.code, r.error.description];
}

describe('E911 geocoder', () => {
  it('accepts an address already in standard form with no correction', async () => {
    const r = await corrected(STANDARD);
    assert.deepEqual(r.corrections, []);
    assert.equal(r.address.city, 'RALEIGH');
    assert.equal(r.address.country, 'United States');
  });

  it('upper-cases, and says so', async () => {
    const r = await corrected({ ...STANDARD, city: 'Raleigh', streetName: 'Main Campus' });
    assert.deepEqual(r.corrections, ['StreetName: Main Campus → MAIN CAMPUS', 'City: Raleigh → RALEIGH']);
  });

  it('abbreviates street suffixes (in StreetSuffix and ending StreetName) and directionals', async () => {
    const r = await corrected({
      ...STANDARD,
      preDirectional: 'North',
      streetName: 'Hillsborough Street',
      streetSuffix: undefined,
      postDirectional: 'southwest',
    });
    assert.equal(r.address.preDirectional, 'N');
    assert.equal(r.address.streetName, 'HILLSBOROUGH ST');
    assert.equal(r.address.postDirectional, 'SW');
    const s = await corrected({
      ...STANDARD,
      streetName: 'Pennsylvania Avenue Northwest',
      streetSuffix: 'Boulevard',
    });
    assert.equal(s.address.streetName, 'PENNSYLVANIA AVE NW');
    assert.equal(s.address.streetSuffix, 'BLVD');
  });

  it('splits a ZIP+4', async () => {
    const r = await corrected({ ...STANDARD, zip: '27606-5244' });
    assert.equal(r.address.zip, '27606');
    assert.equal(r.address.plusFour, '5244');
    assert.deepEqual(r.corrections, ['Zip: 27606-5244 → 27606', 'PlusFour: (none) → 5244']);
  });

  it('takes the city from the ZIP when the state agrees, and the state when the city agrees', async () => {
    const city = await corrected({ ...STANDARD, city: 'Durham' });
    assert.equal(city.address.city, 'RALEIGH');
    assert.deepEqual(city.corrections, ['City: Durham → RALEIGH']);
    const missing = await corrected({ ...STANDARD, city: undefined });
    assert.equal(missing.address.city, 'RALEIGH');
    const state = await corrected({ ...STANDARD, stateCode: 'SC' });
    assert.equal(state.address.stateCode, 'NC');
    assert.deepEqual(state.corrections, ['StateCode: SC → NC']);
  });

  it('refuses what cannot be corrected with certainty', async () => {
    assert.equal((await refused({ ...STANDARD, zip: '99999' }))[0], 8006);
    assert.equal((await refused({ ...STANDARD, city: 'Austin', stateCode: 'TX' }))[0], 8006);
    assert.deepEqual(await refused({ ...STANDARD, city: 'Austin', stateCode: 'ZZ' }), [
      8063,
      "StateCode 'ZZ' is invalid or not supported. Please correct and try the request again.",
    ]);
    assert.deepEqual(await refused({ ...STANDARD, houseNumber: ' ' }), [
      8056,
      "Address value 'HouseNumber' is invalid.",
    ]);
    assert.equal((await refused({ ...STANDARD, streetName: undefined }))[0], 8056);
    assert.equal((await refused({ ...STANDARD, zip: 'ABCDE' }))[0], 8056);
    assert.equal((await refused({ ...STANDARD, preDirectional: 'Up' }))[0], 8056);
  });
});
