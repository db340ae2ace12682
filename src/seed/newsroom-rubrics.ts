/** The model newsroom's rubric tree, in menu order. */
export type RubricSpec = { name: string; description?: string; children?: RubricSpec[] };

export const NEWSROOM_RUBRICS: RubricSpec[] = [
  {
    name: 'Maroc',
    description: 'L’actualité du Royaume : institutions, société, économie et culture.',
    children: [
      { name: 'Politique', description: 'Gouvernement, Parlement, partis et collectivités.' },
      { name: 'Société', description: 'Éducation, santé, justice et vie quotidienne.' },
      { name: 'Culture', description: 'Livres, cinéma, musique et patrimoine marocains.' },
      { name: 'Economie', description: 'Conjoncture, budget, emploi et investissement.' },
      { name: 'Entreprises', description: 'Groupes, PME et start-up du Maroc.' },
      { name: 'Finances et Marchés', description: 'Bourse de Casablanca, banques et assurances.' },
      { name: 'Durabilité', description: 'Eau, énergie, climat et transition écologique.' },
      { name: 'Opinions', description: 'Tribunes, éditoriaux et points de vue.' },
    ],
  },
  {
    name: 'Monde',
    description: 'L’actualité internationale, région par région.',
    children: [
      { name: 'Afrique' },
      { name: 'Asie' },
      {
        name: 'Amériques',
        children: [{ name: 'Amérique du Nord', children: [{ name: 'Etats Unis' }] }],
      },
      { name: 'Europe' },
      { name: 'Océanie' },
      { name: 'Géopolitique', description: 'Conflits, alliances et rapports de force.' },
      { name: 'Économie mondiale', description: 'Commerce, matières premières et grandes tendances.' },
    ],
  },
  { name: 'Economie', description: 'Analyses économiques, au Maroc et ailleurs.' },
  { name: 'Entreprises', description: 'La vie des entreprises et de leurs dirigeants.' },
  { name: 'Chroniques', description: 'Les rendez-vous de nos chroniqueurs.' },
  { name: 'Sports', description: 'Football, athlétisme, tennis et tous les terrains.' },
  { name: 'Culture', description: 'Arts, spectacles et idées.' },
  { name: 'Planète', description: 'Environnement, sciences et climat.' },
];
