/** The platform's published keys (/.well-known/stopsms-keys.json): Ed25519 public keys in JWK form. */
export interface Jwks {
  keys: { kty: string; crv: string; x: string; kid: string }[];
}
