// Placeholder until the discipline module lands (issue #5): shown on the member's profile.
export function MemberDisciplineHistory(_props: { memberId: string }) {
  return null;
}
