/** 监测方案: the list of schemes, and the editor of a new or saved scheme with its live preview. */
import { Route, Routes, useParams } from 'react-router-dom';
import { SchemeEditor } from './scheme-editor.js';
import { SchemeList } from './scheme-list.js';
import './schemes.css';

function EditRoute() {
  const { id = null } = useParams();
  return <SchemeEditor key={id ?? 'new'} id={id} />;
}

/** The schemes area, mounted at /schemes/*. */
export function SchemesPage() {
  return (
    <div className="fx-page" data-testid="schemes">
      <Routes>
        <Route index element={<SchemeList />} />
        <Route path="new" element={<SchemeEditor key="new" id={null} />} />
        <Route path=":id" element={<EditRoute />} />
      </Routes>
    </div>
  );
}
