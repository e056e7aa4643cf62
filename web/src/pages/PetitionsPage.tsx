// The officers' inbox of petitions (/don-thu).
export function PetitionsPage() {
  return null;
}
