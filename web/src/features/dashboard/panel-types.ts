/** Small shapes the dashboard's panels and the big screen share. */

/** A count under a name, with the negative items among them where known. */
export interface NamedCountLike {
  name: string;
  count: number;
  negative?: number;
}
