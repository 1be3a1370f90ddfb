/** A new clipping id: a random UUID, so ids made by different members never collide when merged. */
export function newId(random: Pick<Crypto, 'randomUUID'> = crypto): string {
  return random.randomUUID();
}
