// The chunk ChoiceField loads after the first paint.
export { MultiSelect, Select } from '@mantine/core';
