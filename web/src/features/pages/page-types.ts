export type LeafBlock =
  | { type: 'heading'; text: string; level: 1 | 2 | 3 }
  | { type: 'richText'; html: string }
  | { type: 'image'; url: string; alt: string }
  | { type: 'form'; formId: string }
  | { type: 'cta'; label: string; url: string };
export type PageBlock = LeafBlock | { type: 'columns'; columns: LeafBlock[][] };

export interface LandingPage {
  id: string;
  slug: string;
  title: string;
  description: string;
  ogImage: string | null;
  status: 'draft' | 'published';
  blocks: PageBlock[];
  version: number;
  publishedAt: string | null;
  unpublishedChanges: boolean;
  viewCount: number;
  updatedAt: string;
}

export interface PageSummary {
  id: string;
  slug: string;
  title: string;
  status: 'draft' | 'published';
  publishedAt: string | null;
  viewCount: number;
  updatedAt: string;
}

export interface PageBody {
  slug: string;
  title: string;
  description?: string;
  ogImage?: string | null;
  blocks: PageBlock[];
}

export const blockLabels: Record<PageBlock['type'], string> = {
  heading: 'Heading',
  richText: 'Text',
  image: 'Image',
  form: 'Form',
  cta: 'Button',
  columns: 'Columns',
};

export function newBlock(type: PageBlock['type']): PageBlock {
  switch (type) {
    case 'heading':
      return { type, text: 'A headline that says what they get', level: 2 };
    case 'richText':
      return { type, html: '<p>Say who it is for and why it matters.</p>' };
    case 'image':
      return { type, url: 'https://', alt: '' };
    case 'form':
      return { type, formId: '' };
    case 'cta':
      return { type, label: 'Get started', url: '#' };
    case 'columns':
      return { type, columns: [[{ type: 'richText', html: '<p>Left column</p>' }], [{ type: 'richText', html: '<p>Right column</p>' }]] };
  }
}
