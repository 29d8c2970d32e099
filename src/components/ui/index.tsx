// Small presentational building blocks shared by every page, one file per kind; import them from here.
export { Button, LinkButton, buttonClass } from './button'
export { Card, EmptyState, PageHeader, SectionTitle } from './layout'
export { Alert, Badge } from './feedback'
export { Field, Select, inputClass } from './form'
export { Table, type Column } from './table'
