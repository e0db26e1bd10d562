/** The coverage dimensions derived from the reference data (rate centres, cities, ZIPs, LCAs). */

/** A covered rate centre (coverage dimension, derived from the reference data with a stable integer id). */
export interface RateCentersTable {
  id: number;
  state: string;
  abbreviation: string;
  name: string;
  lata: string;
  lcg_exchange: string;
  tier: number;
  lat: number | null;
  lng: number | null;
}

export interface CitiesTable {
  id: number;
  state: string;
  name: string;
}

export interface RateCenterCitiesTable {
  rate_center_id: number;
  city_id: number;
}

export interface RateCenterZipsTable {
  rate_center_id: number;
  zip: string;
}

export interface RateCenterLcaTable {
  rate_center_id: number;
  local_rate_center_id: number;
  distance_km: number;
}
