// @socialgouv/jours-feries ships no types.
declare module '@socialgouv/jours-feries' {
  /** Holiday name -> date at local midnight. */
  export default function joursFeries(year: number, options?: { alsace?: boolean }): Record<string, Date>;
}
