// One petition (/don-thu/:id): content, screening, deadline, related letters, messages, answer.
export function PetitionPage() {
  return null;
}
