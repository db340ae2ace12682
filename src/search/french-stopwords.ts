/**
 * French words too common to rank or to search on their own, folded (see fold-text.ts). The
 * Snowball project's French stop list (function words, pronouns, forms of être and avoir),
 * which holds the most frequent words of every French frequency list (de, la, le, et, les, des,
 * en, un, du, une, que, est, pour, qui, dans, par, pas, au, sur…), plus the few frequent words
 * it leaves out (plus, cette, comme, tout…). Hand-written because no installed package ships
 * a French list; it is data, not logic.
 */
export const FRENCH_STOPWORDS: ReadonlySet<string> = new Set(
  `au aux avec ce ces dans de des du elle en et eux il ils je la le les leur leurs lui ma mais me meme
   mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu
   un une vos votre vous ete etee etees etes etant etante etants etantes suis es est sommes sont serai
   seras sera serons serez seront serais serait serions seriez seraient etais etait etions etiez
   etaient fus fut fumes futes furent sois soit soyons soyez soient fusse fusses fut fussions fussiez
   fussent ayant ayante ayantes ayants eu eue eues eus ai as avons avez ont aurai auras aura aurons
   aurez auront aurais aurait aurions auriez auraient avais avait avions aviez avaient eut eumes eutes
   eurent aie aies ait ayons ayez aient eusse eusses eussions eussiez eussent plus cette cet comme
   tout tous toute toutes si sans sous entre aussi alors donc car ni deux fait peut apres avant tres`
    .split(/\s+/)
    .filter(Boolean),
);
