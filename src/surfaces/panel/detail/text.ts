export { clipNoting as clipText } from '../../../core/text/clip';
