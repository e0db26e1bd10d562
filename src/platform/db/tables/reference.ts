/** The numbering reference data, loaded from data/reference at start-up (platform/refdata). */

export interface RefNpaTable {
  npa: string;
  type_of_code: string | null;
  assignable: string | null;
  explanation: string | null;
  assigned: string | null;
  use: string | null;
  location: string | null;
  country: string | null;
  in_service: string | null;
  status: string | null;
  overlay: string | null;
  overlay_complex: string | null;
  parent_npa: string | null;
  service: string | null;
  time_zone: string | null;
}

export interface RefRateCentersTable {
  state: string;
  rate_center: string;
  full_name: string;
  lata: string;
  lcg_exchange: string;
  ilec_name: string | null;
  lat: number | null;
  lng: number | null;
  closest_city: string | null;
}

export interface RefRateCenterLocalitiesTable {
  state: string;
  locality: string;
  locality_abbrev: string | null;
  lcg_exchange: string;
  rate_center: string | null;
  rate_center_lcg_exchange: string | null;
  lata: string | null;
}

export interface RefLatasTable {
  lata: string;
  name: string | null;
  states: string | null;
}

export interface RefCitiesTable {
  state: string;
  county: string | null;
  city: string;
  lat: number | null;
  lng: number | null;
  nearest_rate_center: string | null;
  lata: string | null;
}

export interface RefZipCodesTable {
  zip: string;
  city: string | null;
  state: string;
  county: string | null;
  lat: number | null;
  lng: number | null;
  population: number | null;
  nearest_rate_center: string | null;
  lata: string | null;
}

export interface RefNpaNxxTable {
  npa: string;
  nxx: string;
  state: string;
  city: string | null;
  rate_center: string | null;
  lata: string | null;
  lcg_exchange: string | null;
}

export interface RefNpaRateCentersTable {
  npa: string;
  npa_state: string;
  rc_state: string;
  rate_center: string;
  lata: string;
  lcg_exchange: string;
  nxx_count: number;
  source: string;
}

export interface RefLcaTable {
  state: string;
  rate_center: string;
  lcg_exchange: string;
  local_rate_center: string;
  local_lcg_exchange: string;
  lata: string;
  distance_km: number;
}

export interface RefTollFreeNpasTable {
  npa: string;
  status: string;
}

export interface RefHolidaysTable {
  observed_date: string;
  date: string;
  holiday_id: string;
  name: string;
  year: number;
}
