// The words that write a date, a source's date and an office's opening hours, in each language
// the bot reads: written by the team, the facts unchanged (same dates, same times). Months are
// in the form a day number takes before them (Russian and Ukrainian genitive: « 1 декабря »).

export interface DateWords {
  /** January first, as written after a day number */
  months: string[];
  /** Monday first */
  days: string[];
  /** the day in a date: « 1er », « 2 », « 2日 »… */
  dayOfMonth(day: number): string;
  /** minutes after midnight as a time of day: 510 -> « 8 h 30 » */
  time(minutes: number): string;
  /** templates: {day}, {month}, {year}, {weekday}, {time}, {closed}, {holiday}, {from}, {to}, {days}, {times} */
  date: string;
  weekdayDate: string;
  source: string;
  checked: string;
  tomorrow: string;
  openUntil: string;
  reopensAt: string;
  opensAt: string;
  closed: string;
  closedHoliday: string;
  opensOn: string;
  hoursUnknown: string;
  dayRange: string;
  hoursLine: string;
}

/** 510 -> « 8:30 », the way most of the world writes a time. */
const colonTime = (minutes: number) => `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;

const frenchTime = (minutes: number) => {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')}`;
};

/** What most of the bot's languages write alike: the day's number as is, « 8:30 », day month year, « days: times ». */
const COMMON_WORDS = {
  dayOfMonth: String,
  time: colonTime,
  date: '{day} {month} {year}',
  hoursLine: '{days}: {times}',
} satisfies Partial<DateWords>;

export const FRENCH_WORDS: DateWords = {
  months: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  days: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
  dayOfMonth: (day) => (day === 1 ? '1er' : String(day)),
  time: frenchTime,
  date: '{day} {month} {year}',
  weekdayDate: '{weekday} {day} {month}',
  source: 'Source :',
  checked: 'vérifié le',
  tomorrow: 'demain',
  openUntil: "Ouvert maintenant, jusqu'à {time}",
  reopensAt: 'Fermé, rouvre à {time}',
  opensAt: 'Fermé, ouvre à {time}',
  closed: 'Fermé',
  closedHoliday: 'Fermé, jour férié ({holiday})',
  opensOn: '{closed}, ouvre {day} à {time}',
  hoursUnknown: 'Horaires non communiqués',
  dayRange: '{from} au {to}',
  hoursLine: '{days} : {times}',
};

const ENGLISH_WORDS: DateWords = {
  ...COMMON_WORDS,
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  weekdayDate: '{weekday} {day} {month}',
  source: 'Source:',
  checked: 'checked on',
  tomorrow: 'tomorrow',
  openUntil: 'Open now, until {time}',
  reopensAt: 'Closed, reopens at {time}',
  opensAt: 'Closed, opens at {time}',
  closed: 'Closed',
  closedHoliday: 'Closed, public holiday ({holiday})',
  opensOn: '{closed}, opens {day} at {time}',
  hoursUnknown: 'Opening hours not given',
  dayRange: '{from} to {to}',
};

// Russian and Ukrainian: « откроется: среда, 8:30 » rather than a preposition that would
// need the weekday's case (« в среду »); a range is written with a dash for the same reason.
const RUSSIAN_WORDS: DateWords = {
  ...COMMON_WORDS,
  months: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  days: ['понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота', 'воскресенье'],
  weekdayDate: '{weekday}, {day} {month}',
  source: 'Источник:',
  checked: 'проверено',
  tomorrow: 'завтра',
  openUntil: 'Сейчас открыто, до {time}',
  reopensAt: 'Закрыто, снова откроется в {time}',
  opensAt: 'Закрыто, откроется в {time}',
  closed: 'Закрыто',
  closedHoliday: 'Закрыто, праздничный день ({holiday})',
  opensOn: '{closed}. Откроется: {day}, {time}',
  hoursUnknown: 'Часы работы не указаны',
  dayRange: '{from} – {to}',
};

const UKRAINIAN_WORDS: DateWords = {
  ...COMMON_WORDS,
  months: ['січня', 'лютого', 'березня', 'квітня', 'травня', 'червня', 'липня', 'серпня', 'вересня', 'жовтня', 'листопада', 'грудня'],
  days: ['понеділок', 'вівторок', 'середа', 'четвер', "п'ятниця", 'субота', 'неділя'],
  weekdayDate: '{weekday}, {day} {month}',
  source: 'Джерело:',
  checked: 'перевірено',
  tomorrow: 'завтра',
  openUntil: 'Зараз відчинено, до {time}',
  reopensAt: 'Зачинено, знову відчиниться о {time}',
  opensAt: 'Зачинено, відчиниться о {time}',
  closed: 'Зачинено',
  closedHoliday: 'Зачинено, святковий день ({holiday})',
  opensOn: '{closed}. Відчиниться: {day}, {time}',
  hoursUnknown: 'Години роботи не вказано',
  dayRange: '{from} – {to}',
};

const CHINESE_WORDS: DateWords = {
  months: Array.from({ length: 12 }, (_, i) => `${i + 1}月`),
  days: ['星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'],
  dayOfMonth: (day) => `${day}日`,
  time: colonTime,
  date: '{year}年{month}{day}',
  weekdayDate: '{month}{day}({weekday})',
  source: '来源:',
  checked: '核实于',
  tomorrow: '明天',
  openUntil: '现在开放,至{time}',
  reopensAt: '已关闭,{time}重新开放',
  opensAt: '已关闭,{time}开放',
  closed: '已关闭',
  closedHoliday: '已关闭,公共假日({holiday})',
  opensOn: '{closed},{day} {time}开放',
  hoursUnknown: '未提供开放时间',
  dayRange: '{from}至{to}',
  hoursLine: '{days}：{times}',
};

const ARABIC_WORDS: DateWords = {
  ...COMMON_WORDS,
  months: ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'],
  days: ['الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت', 'الأحد'],
  weekdayDate: '{weekday} {day} {month}',
  source: 'المصدر:',
  checked: 'تم التحقق في',
  tomorrow: 'غدًا',
  openUntil: 'مفتوح الآن، حتى {time}',
  reopensAt: 'مغلق، يفتح من جديد الساعة {time}',
  opensAt: 'مغلق، يفتح الساعة {time}',
  closed: 'مغلق',
  closedHoliday: 'مغلق، عطلة رسمية ({holiday})',
  opensOn: '{closed}، يفتح {day} الساعة {time}',
  hoursUnknown: 'أوقات العمل غير متوفرة',
  dayRange: 'من {from} إلى {to}',
};

const PERSIAN_WORDS: DateWords = {
  ...COMMON_WORDS,
  months: ['ژانویه', 'فوریه', 'مارس', 'آوریل', 'مه', 'ژوئن', 'ژوئیه', 'اوت', 'سپتامبر', 'اکتبر', 'نوامبر', 'دسامبر'],
  days: ['دوشنبه', 'سه‌شنبه', 'چهارشنبه', 'پنجشنبه', 'جمعه', 'شنبه', 'یکشنبه'],
  weekdayDate: '{weekday} {day} {month}',
  source: 'منبع:',
  checked: 'بررسی‌شده در',
  tomorrow: 'فردا',
  openUntil: 'اکنون باز است، تا ساعت {time}',
  reopensAt: 'بسته است، ساعت {time} دوباره باز می‌شود',
  opensAt: 'بسته است، ساعت {time} باز می‌شود',
  closed: 'بسته است',
  closedHoliday: 'بسته است، تعطیل رسمی ({holiday})',
  opensOn: '{closed}، {day} ساعت {time} باز می‌شود',
  hoursUnknown: 'ساعات کار اعلام نشده',
  dayRange: '{from} تا {to}',
};

const SPANISH_WORDS: DateWords = {
  ...COMMON_WORDS,
  months: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  days: ['lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo'],
  date: '{day} de {month} de {year}',
  weekdayDate: '{weekday} {day} de {month}',
  source: 'Fuente:',
  checked: 'verificado el',
  tomorrow: 'mañana',
  openUntil: 'Abierto ahora, hasta las {time}',
  reopensAt: 'Cerrado, vuelve a abrir a las {time}',
  opensAt: 'Cerrado, abre a las {time}',
  closed: 'Cerrado',
  closedHoliday: 'Cerrado, día festivo ({holiday})',
  opensOn: '{closed}, abre el {day} a las {time}',
  hoursUnknown: 'Horario no comunicado',
  dayRange: 'de {from} a {to}',
};

const WORDS: Partial<Record<string, DateWords>> = {
  fr: FRENCH_WORDS,
  en: ENGLISH_WORDS,
  ru: RUSSIAN_WORDS,
  uk: UKRAINIAN_WORDS,
  zh: CHINESE_WORDS,
  ar: ARABIC_WORDS,
  fa: PERSIAN_WORDS,
  es: SPANISH_WORDS,
};

/** The words of a language, French for one the team has not written them in. */
export const dateWordsFor = (lang?: string): DateWords => (lang && WORDS[lang]) || FRENCH_WORDS;
