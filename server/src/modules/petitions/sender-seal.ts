// The associated data a letter's sealed sender contact is bound to (AES-256-GCM): a value copied onto
// another letter does not decrypt. Shared by the intake, the custodian's reading and key rotation.
export const senderAad = (petitionId: string) => `petition-sender:${petitionId}`;
