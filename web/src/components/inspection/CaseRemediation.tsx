// Placeholder until its module lands (issue #4): shown inside the case page.
export function CaseRemediation(_props: { caseId: string }) {
  return null;
}
