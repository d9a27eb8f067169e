/** Add whole days to a calendar day (YYYY-MM-DD), in plain UTC arithmetic (calendar days have no time zone). */
export function addDaysToDay(day: string, days: number): string {
  const d = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)) + days));
  return d.toISOString().slice(0, 10);
}
