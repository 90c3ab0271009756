import { render } from 'preact';
import { SidePanel } from '../../components/SidePanel';
import '../../components/panel.css';

render(<SidePanel />, document.getElementById('app')!);
