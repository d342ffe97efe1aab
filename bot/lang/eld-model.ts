import path from 'node:path';
import { cachedValue } from '../../knowledge/file-cache';

// eld's small model (its large one needs 440 MB, the small 190 MB, and errs no more on French
// once a small word is required). The package ships ES modules only, and its model is a 1.6 MB
// object literal: required through tsx it took about 2 s and 400 MB at every start. Its data are
// kept as JSON in the cache folder (read in about 100 ms) and given to eld's own detector.

export interface Eld {
  detect(text: string): { language: string; isReliable(): boolean };
  setLanguageSubset(languages: string[] | false): unknown;
}

type NgramData = Record<string, unknown>;
interface EldFactory {
  createEld(): { instance: Eld; loadData(data: NgramData): unknown };
}

const ELD_SOURCE = path.join(__dirname, '..', '..', 'node_modules', 'eld', 'src');

function modelData(): NgramData {
  const fromPackage = () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- by path: the package exports ES imports only
    return (require(path.join(ELD_SOURCE, 'ngrams', 'small.js')) as { ngramsData: NgramData }).ngramsData;
  };
  return cachedValue<NgramData>(
    'eld',
    { suffix: '.ngrams.json', serialize: JSON.stringify, deserialize: (text) => JSON.parse(text) as NgramData },
    [__filename, path.join(ELD_SOURCE, '..', 'package.json')],
    fromPackage,
  );
}

let data: NgramData | undefined;
let model: Eld | undefined;

/** A detector of its own (a language subset is set per instance), sharing the one model. */
export function newEld(): Eld {
  data ??= modelData();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- by path: the package exports ES imports only
  const { createEld } = require(path.join(ELD_SOURCE, 'languageDetector.js')) as EldFactory;
  const { instance, loadData } = createEld();
  loadData(data);
  return instance;
}

/** eld on all its languages, loaded on first use, never on import. */
export function eldModel(): Eld {
  model ??= newEld();
  return model;
}
