// Who made an annotation. Every annotation made in Pizhu carries its coder: the person using this browser, named
// once, with an IRI made once (`urn:uuid:…`) that stays the same when the name is changed, so that a team can tell
// its coders apart when it compares their work. A colleague named when their file is imported gets an IRI too.

export interface Coder {
  /** Stable IRI of the person. */
  id: string;
  /** As the person wants to be shown; '' until they give one. */
  name: string;
}
