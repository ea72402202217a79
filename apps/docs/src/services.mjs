// The APIs the site documents, in the order the landing page lists them. The operation tables
// and reference pages come from each service's bundle; this list only names what the spec
// cannot know: which client package wraps it and where its local mock listens.
export const services = [
  {
    id: 'hss',
    name: 'HSS',
    title: 'Host Security Service',
    clientPackage: '@hwsec/hss',
    clientFactory: 'createHssClient',
    mockPort: 4010,
  },
  {
    id: 'dsc',
    name: 'DSC',
    title: 'Data Security Center',
    clientPackage: '@hwsec/dsc',
    clientFactory: 'createDscClient',
    mockPort: 4020,
  },
  {
    id: 'secmaster',
    name: 'SecMaster',
    title: 'SecMaster',
    clientPackage: '@hwsec/secmaster',
    clientFactory: 'createSecMasterClient',
    mockPort: 4030,
  },
];
