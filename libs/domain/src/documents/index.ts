export * from './content-sniffing';
export * from './document-kind';
export * from './image-structure';
export * from './polyglot';
export * from './upload-name';
