import type { DelegationRole, Gender } from './participant.view.js';

/**
 * The file a coordinator imports people from (CSV or XLSX): one person a row, under a header
 * row. These are its columns, by stable key (what the API and the preview name them); the
 * header row may use the key or the column's name in any of the six languages below, in any
 * order. `name.given` is the field of RegisterParticipantDto each column fills.
 */
export const IMPORT_COLUMNS = [
  'given',
  'family',
  'givenLatin',
  'familyLatin',
  'honorific',
  'position',
  'organization',
  'role',
  'email',
  'gender',
  'accessibilityNeeds',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** The field of RegisterParticipantDto a column fills (names are nested under "name"). */
export const IMPORT_COLUMN_FIELD: Record<ImportColumn, string> = {
  given: 'name.given',
  family: 'name.family',
  givenLatin: 'name.givenLatin',
  familyLatin: 'name.familyLatin',
  honorific: 'honorific',
  position: 'position',
  organization: 'organization',
  role: 'role',
  email: 'email',
  gender: 'gender',
  accessibilityNeeds: 'accessibilityNeeds',
};

/** The columns a row must fill; the others may stay empty. */
export const REQUIRED_IMPORT_COLUMNS: readonly ImportColumn[] = ['given', 'family', 'role', 'email'];

/** The six languages a template is written in (the UN's, as the console's). */
export const IMPORT_LANGUAGES = ['en', 'fr', 'es', 'ru', 'ar', 'zh'] as const;
export type ImportLanguage = (typeof IMPORT_LANGUAGES)[number];

/** The largest file accepted (bytes; larger is refused with 413 before it is read). */
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;
/** The most people one file may hold (more is refused with 400). */
export const IMPORT_MAX_ROWS = 2000;

export const IMPORT_CONTENT_TYPES = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** Each column's header in each language: the template's header row, and what the reader accepts. */
export const IMPORT_HEADERS: Record<ImportLanguage, Record<ImportColumn, string>> = {
  en: {
    given: 'Given name (original script)',
    family: 'Family name (original script)',
    givenLatin: 'Given name (Latin script)',
    familyLatin: 'Family name (Latin script)',
    honorific: 'Honorific',
    position: 'Position',
    organization: 'Organisation',
    role: 'Role',
    email: 'Email',
    gender: 'Gender',
    accessibilityNeeds: 'Accessibility needs',
  },
  fr: {
    given: 'Prénom (écriture originale)',
    family: 'Nom de famille (écriture originale)',
    givenLatin: 'Prénom (caractères latins)',
    familyLatin: 'Nom de famille (caractères latins)',
    honorific: 'Titre de civilité',
    position: 'Fonction',
    organization: 'Organisation',
    role: 'Rôle',
    email: 'Adresse électronique',
    gender: 'Genre',
    accessibilityNeeds: "Besoins d'accessibilité",
  },
  es: {
    given: 'Nombre de pila (escritura original)',
    family: 'Apellidos (escritura original)',
    givenLatin: 'Nombre de pila (caracteres latinos)',
    familyLatin: 'Apellidos (caracteres latinos)',
    honorific: 'Tratamiento',
    position: 'Cargo',
    organization: 'Organización',
    role: 'Función',
    email: 'Correo electrónico',
    gender: 'Género',
    accessibilityNeeds: 'Necesidades de accesibilidad',
  },
  ru: {
    given: 'Имя (в оригинальном написании)',
    family: 'Фамилия (в оригинальном написании)',
    givenLatin: 'Имя (латиницей)',
    familyLatin: 'Фамилия (латиницей)',
    honorific: 'Обращение',
    position: 'Должность',
    organization: 'Организация',
    role: 'Функция в делегации',
    email: 'Адрес электронной почты',
    gender: 'Пол',
    accessibilityNeeds: 'Потребности в доступности',
  },
  ar: {
    given: 'الاسم الأول (بالكتابة الأصلية)',
    family: 'اسم العائلة (بالكتابة الأصلية)',
    givenLatin: 'الاسم الأول (بالحروف اللاتينية)',
    familyLatin: 'اسم العائلة (بالحروف اللاتينية)',
    honorific: 'اللقب',
    position: 'المنصب',
    organization: 'المنظمة',
    role: 'الدور',
    email: 'البريد الإلكتروني',
    gender: 'نوع الجنس',
    accessibilityNeeds: 'احتياجات إمكانية الوصول',
  },
  zh: {
    given: '名（原文书写）',
    family: '姓（原文书写）',
    givenLatin: '名（拉丁字母）',
    familyLatin: '姓（拉丁字母）',
    honorific: '称谓',
    position: '职务',
    organization: '组织',
    role: '职能',
    email: '电子邮件',
    gender: '性别',
    accessibilityNeeds: '无障碍需求',
  },
};

/** A role as a template's list offers it in each language; the key itself is accepted too. */
export const IMPORT_ROLE_LABELS: Record<ImportLanguage, Record<DelegationRole, string>> = {
  en: {
    head: 'Head of delegation',
    alternate: 'Alternate',
    member: 'Member',
    adviser: 'Adviser',
    expert: 'Expert',
    observer: 'Observer',
  },
  fr: {
    head: 'Chef de délégation',
    alternate: 'Suppléant',
    member: 'Membre',
    adviser: 'Conseiller',
    expert: 'Expert',
    observer: 'Observateur',
  },
  es: {
    head: 'Jefe de delegación',
    alternate: 'Suplente',
    member: 'Miembro',
    adviser: 'Asesor',
    expert: 'Experto',
    observer: 'Observador',
  },
  ru: {
    head: 'Глава делегации',
    alternate: 'Заместитель представителя',
    member: 'Член делегации',
    adviser: 'Советник',
    expert: 'Эксперт',
    observer: 'Наблюдатель',
  },
  ar: {
    head: 'رئيس الوفد',
    alternate: 'مناوب',
    member: 'عضو',
    adviser: 'مستشار',
    expert: 'خبير',
    observer: 'مراقب',
  },
  zh: {
    head: '代表团团长',
    alternate: '副代表',
    member: '成员',
    adviser: '顾问',
    expert: '专家',
    observer: '观察员',
  },
};

export const IMPORT_GENDER_LABELS: Record<ImportLanguage, Record<Gender, string>> = {
  en: { female: 'Female', male: 'Male', other: 'Other', undisclosed: 'Prefers not to say' },
  fr: { female: 'Féminin', male: 'Masculin', other: 'Autre', undisclosed: 'Préfère ne pas répondre' },
  es: { female: 'Femenino', male: 'Masculino', other: 'Otro', undisclosed: 'Prefiere no indicarlo' },
  ru: { female: 'Женский', male: 'Мужской', other: 'Другой', undisclosed: 'Предпочитает не указывать' },
  ar: { female: 'أنثى', male: 'ذكر', other: 'آخر', undisclosed: 'يفضّل عدم الإفصاح' },
  zh: { female: '女', male: '男', other: '其他', undisclosed: '不愿透露' },
};
