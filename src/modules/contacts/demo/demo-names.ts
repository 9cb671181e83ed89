/** Word lists for believable demo records (fictional companies; domains under real TLDs but made-up names). */

/** A |-separated list (across lines) as an array: keeps long word lists compact. */
const words = (list: string) =>
  list
    .split(/\s*\|\s*|\n/)
    .map((w) => w.trim())
    .filter(Boolean);

export const firstNames = words(`
  Olivia|Liam|Emma|Noah|Ava|Oliver|Sophia|Elijah|Isabella|James|Mia|Lucas|Amelia|Mateo|Harper|Benjamin|Charlotte|Henry
  Evelyn|Theodore|Priya|Arjun|Ananya|Rohan|Mei|Wei|Yuki|Haruto|Sakura|Min-jun|Ji-woo|Fatima|Omar|Layla|Yusuf|Amara|Kwame
  Chiara|Luca|Giulia|Matteo|Sofia|Hugo|Léa|Louis|Chloé|Jules|Lena|Finn|Mila|Jonas|Emilia|Felix|Hannah|Lars|Ingrid|Sven
  Astrid|Pablo|Lucía|Diego|Carmen|Thiago|Valentina|Gabriel|Zoe|Nathan|Grace|Samuel|Chloe|Daniel|Aisha|Ethan|Nora|Aiden
  Ruby|Jack|Freya|Oscar
`);
export const lastNames = words(`
  Smith|Johnson|Williams|Brown|Jones|Garcia|Miller|Davis|Rodriguez|Martinez|Hernandez|Lopez|Wilson|Anderson|Thomas
  Taylor|Moore|Jackson|Martin|Lee|Thompson|White|Harris|Clark|Lewis|Walker|Hall|Young|King|Patel|Sharma|Singh|Gupta|Chen
  Wang|Li|Zhang|Tanaka|Sato|Suzuki|Kim|Park|Choi|Nguyen|Tran|Okafor|Mensah|Haddad|Rahman|Rossi|Russo|Ferrari|Bianchi
  Dubois|Moreau|Laurent|Bernard|Müller|Schmidt|Schneider|Fischer|Weber|Becker|Jansen|de Vries|Bakker|Andersson|Johansson
  Nilsson|Larsen|Hansen|Novak|Kowalski|Nowak|Silva|Santos|Costa|Oliveira|O'Brien|Murphy|Kelly|Walsh|MacDonald|Campbell
  Stewart
`);
export const companyStems = words(`
  Northwind|Bluefin|Ironbark|Silverline|Redwood|Brightpath|Clearwater|Stonebridge|Evergreen|Highland|Lumen|Nimbus
  Orbital|Pinecrest|Quantix|Riverbend|Summit|Tidewater|Vertex|Wildflower|Zephyr|Aurora|Beacon|Cobalt|Driftwood|Ember
  Fjord|Granite|Harbor|Indigo|Juniper|Keystone|Lattice|Meridian|Nova|Oakridge|Paragon|Quarry|Radiant|Sable|Tessellate
  Umbra|Vantage|Westgate|Yellowtail|Zenith|Alder|Basalt|Cinder|Dovetail|Elmstead|Foxglove|Gullwing|Halcyon|Isle
  Jetstream|Kestrel|Larkspur|Mosaic|Northstar|Opaline|Peregrine|Quill|Rookery|Saltmarsh
`);
export const companySuffixes = words(`
  Labs|Systems|Logistics|Health|Analytics|Robotics|Foods|Energy|Capital|Studios|Software|Networks|Bio|Manufacturing
  Retail|Media|Consulting|Security|Travel|Outfitters
`);
/** Industry per suffix, so names and industries agree. */
export const industryOf: Record<string, string> = {
  Labs: 'Research',
  Systems: 'Software',
  Logistics: 'Logistics',
  Health: 'Healthcare',
  Analytics: 'Software',
  Robotics: 'Industrial Automation',
  Foods: 'Food & Beverage',
  Energy: 'Energy',
  Capital: 'Financial Services',
  Studios: 'Media & Entertainment',
  Software: 'Software',
  Networks: 'Telecommunications',
  Bio: 'Biotechnology',
  Manufacturing: 'Manufacturing',
  Retail: 'Retail',
  Media: 'Media & Entertainment',
  Consulting: 'Professional Services',
  Security: 'Cybersecurity',
  Travel: 'Travel & Hospitality',
  Outfitters: 'Consumer Goods',
};
/** Country, weight, top-level domain, region names, phone prefix and a fictional local number pattern. */
export const countries = [
  {
    code: 'US',
    weight: 35,
    tld: 'com',
    regions: ['California', 'New York', 'Texas', 'Washington', 'Massachusetts', 'Illinois', 'Colorado'],
    phone: (n: number) => `+1${['415', '212', '512', '206', '617', '312', '303'][n % 7]}55501${String(n % 100).padStart(2, '0')}`,
  },
  {
    code: 'GB',
    weight: 15,
    tld: 'co.uk',
    regions: ['England', 'Scotland', 'Wales'],
    phone: (n: number) => `+4420794609${String(n % 100).padStart(2, '0')}`,
  },
  {
    code: 'DE',
    weight: 12,
    tld: 'de',
    regions: ['Berlin', 'Bavaria', 'Hamburg', 'Hesse'],
    phone: (n: number) => `+4930${String(1_000_000 + ((n * 7919) % 8_999_999))}`,
  },
  {
    code: 'FR',
    weight: 8,
    tld: 'fr',
    regions: ['Île-de-France', 'Auvergne-Rhône-Alpes', 'Occitanie'],
    phone: (n: number) => `+331${String(40_000_000 + ((n * 7919) % 9_999_999))}`,
  },
  {
    code: 'NL',
    weight: 6,
    tld: 'nl',
    regions: ['North Holland', 'South Holland', 'Utrecht'],
    phone: (n: number) => `+3120${String(5_000_000 + ((n * 7919) % 4_999_999))}`,
  },
  {
    code: 'SE',
    weight: 5,
    tld: 'se',
    regions: ['Stockholm', 'Västra Götaland', 'Skåne'],
    phone: (n: number) => `+468${String(50_000_000 + ((n * 7919) % 9_999_999))}`,
  },
  {
    code: 'ES',
    weight: 5,
    tld: 'es',
    regions: ['Madrid', 'Catalonia', 'Andalusia'],
    phone: (n: number) => `+3491${String(1_000_000 + ((n * 7919) % 8_999_999))}`,
  },
  {
    code: 'CA',
    weight: 6,
    tld: 'ca',
    regions: ['Ontario', 'British Columbia', 'Quebec'],
    phone: (n: number) => `+1416555${String(100 + (n % 100)).padStart(4, '0')}`,
  },
  {
    code: 'AU',
    weight: 5,
    tld: 'com.au',
    regions: ['New South Wales', 'Victoria', 'Queensland'],
    phone: (n: number) => `+612${String(90_000_000 + ((n * 7919) % 9_999_999))}`,
  },
  {
    code: 'IN',
    weight: 3,
    tld: 'in',
    regions: ['Karnataka', 'Maharashtra', 'Delhi'],
    phone: (n: number) => `+9180${String(40_000_000 + ((n * 7919) % 9_999_999))}`,
  },
] as const;
export const freeMail = ['gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com', 'proton.me', 'hotmail.com', 'gmx.de'];
export const titles = {
  exec: ['CEO', 'CTO', 'CFO', 'COO', 'Chief Marketing Officer', 'Chief Revenue Officer', 'Founder'],
  vp: ['VP Sales', 'VP Marketing', 'VP Engineering', 'VP Operations', 'VP Customer Success'],
  head: ['Head of Growth', 'Head of Procurement', 'Head of IT', 'Director of Marketing', 'Director of Sales', 'Director of Finance'],
  ic: [
    'Account Executive',
    'Marketing Manager',
    'Software Engineer',
    'Operations Manager',
    'Procurement Specialist',
    'Product Manager',
    'Data Analyst',
    'IT Manager',
  ],
};
export const sources = [
  ['organic_search', 30],
  ['paid_search', 15],
  ['referral', 12],
  ['event', 10],
  ['linkedin', 12],
  ['webinar', 8],
  ['import', 8],
  ['direct', 5],
] as const;
export const companyTags = ['enterprise', 'mid-market', 'smb', 'partner', 'target-account', 'churn-risk', 'expansion'];
export const contactTags = [
  'decision-maker',
  'champion',
  'newsletter',
  'webinar-2024',
  'trade-show',
  'beta-tester',
  'influencer',
  'technical',
];
export const salesReps = [
  { name: 'Sam Rivera', email: 'sam.rivera@demo.tandem.test' },
  { name: 'Priya Nair', email: 'priya.nair@demo.tandem.test' },
  { name: 'Jonas Becker', email: 'jonas.becker@demo.tandem.test' },
  { name: 'Aisha Okafor', email: 'aisha.okafor@demo.tandem.test' },
];
